import { jsonFeedResponse } from '../lib/feed-response';
import { homeListing } from '../lib/query';

export const GET = async () => jsonFeedResponse(await homeListing());
