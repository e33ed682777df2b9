// Pages that show something once (a letter's receipt and access code, a booking's cancel code):
// a way to print it and to say it has been noted down (the page's action forgets it), and what the
// page says once the browser has forgotten it.
import { Form, Link } from '@remix-run/react';
import { Button } from './button.tsx';
import { PrintButton } from './print-button.tsx';

export function ShownOnceActions({ done }: { done: string }) {
  return (
    <div className="actions no-print">
      <PrintButton />
      <Form method="post">
        <Button variant="secondary">{done}</Button>
      </Form>
    </div>
  );
}

export function ShownOnceGone({ title, body, link }: { title: string; body: string; link: { to: string; label: string } }) {
  return (
    <>
      <h1>{title}</h1>
      <p>{body}</p>
      <p>
        <Link to={link.to}>{link.label}</Link>
      </p>
    </>
  );
}
