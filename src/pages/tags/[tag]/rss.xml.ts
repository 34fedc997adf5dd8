import type { APIRoute } from 'astro';
import { feedResponse } from '../../../lib/feed-response';
import { listingPaths } from '../../../lib/query';
import type { Listing } from '../../../lib/listings';

export const getStaticPaths = () => listingPaths('tag', 'tag');
export const GET: APIRoute = ({ props }) => feedResponse((props as { listing: Listing }).listing);
