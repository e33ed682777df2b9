import officeStylesHref from '../styles/office.css';
import type { LinksFunction } from '@remix-run/node';

/** Every back-office route module exports this as `links`, so the portal never loads these styles. */
export const officeLinks: LinksFunction = () => [{ rel: 'stylesheet', href: officeStylesHref }];
