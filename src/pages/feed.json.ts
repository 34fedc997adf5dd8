import { jsonFeedResponse } from '../lib/feed-response.ts';
import { homeListing } from '../lib/routes.ts';

export const GET = async () => jsonFeedResponse(await homeListing());
