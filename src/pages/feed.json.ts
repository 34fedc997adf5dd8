import { jsonFeedResponse } from '../lib/feed-response';
import { homeListing } from '../lib/routes';

export const GET = async () => jsonFeedResponse(await homeListing());
