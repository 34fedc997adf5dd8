import type { APIRoute, InferGetStaticPropsType } from 'astro';
import { feedResponse } from '../../lib/feed-response';
import { feedPaths } from '../../lib/routes';

export const getStaticPaths = feedPaths;
export const GET: APIRoute<InferGetStaticPropsType<typeof getStaticPaths>> = ({ props }) =>
  feedResponse(props.listing);
