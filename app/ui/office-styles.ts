import type { LinksFunction } from '@remix-run/node';
import officeStylesHref from '../styles/office.css';

/** Every back-office route module exports this as `links`, so the portal never loads these styles. */
export const officeLinks: LinksFunction = () => [{ rel: 'stylesheet', href: officeStylesHref }];
