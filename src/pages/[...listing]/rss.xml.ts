import type { APIRoute, InferGetStaticPropsType } from 'astro';
import { feedResponse } from '../../lib/feed-response.ts';
import { feedPaths } from '../../lib/routes.ts';

export const getStaticPaths = feedPaths;
export const GET: APIRoute<InferGetStaticPropsType<typeof getStaticPaths>> = ({ props }) =>
  feedResponse(props.listing);
