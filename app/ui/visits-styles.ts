import visitsStylesHref from '../styles/visits.css';
import type { LinksFunction } from '@remix-run/node';

/** The reception-day, booking and notice pages of the portal export this as `links`. */
export const visitsLinks: LinksFunction = () => [{ rel: 'stylesheet', href: visitsStylesHref }];
