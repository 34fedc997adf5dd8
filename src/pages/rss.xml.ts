import { feedResponse } from '../lib/feed-response';
import { homeListing } from '../lib/query';

export const GET = async () => feedResponse(await homeListing());
