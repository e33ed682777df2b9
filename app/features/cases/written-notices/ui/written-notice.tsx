// A written notice as printed on A4: the office, the addressee (a letter's postal address), the
// title, the case, what was decided and why, what the citizen may do next and by when, and the
// office's signature. Its words come from the server in the citizen's language (`lang`).
import type { NoticeDocument } from '#app/features/cases/written-notices/notices.server.ts';

export function WrittenNotice({ document }: { document: NoticeDocument }) {
  return (
    <article className="written-notice" lang={document.lang} aria-labelledby="written-notice-title" data-testid="written-notice">
      <p className="written-notice__office">{document.office}</p>
      {document.addressee.postalAddress ? (
        <address className="written-notice__address">
          {document.addressee.name}
          <br />
          {document.addressee.postalAddress}
        </address>
      ) : null}
      <h2 id="written-notice-title" className="written-notice__title">
        {document.title}
      </h2>
      <p className="written-notice__reference">{document.receiptNo}</p>
      <p>{document.salutation}</p>
      {document.sections.map((section, index) => (
        <section key={index} className="written-notice__section">
          {section.heading ? <h3>{section.heading}</h3> : null}
          {section.items.length > 0 ? (
            <dl className="written-notice__items">
              {section.items.map((item, i) => (
                <div key={i}>
                  <dt>{item.label}</dt>
                  <dd>{item.value}</dd>
                </div>
              ))}
            </dl>
          ) : null}
          {section.paragraphs.map((paragraph, i) => (
            <p key={i} className="written-notice__text">
              {paragraph}
            </p>
          ))}
        </section>
      ))}
      <ul className="written-notice__next">
        {document.nextSteps.map((step, i) => (
          <li key={i}>{step}</li>
        ))}
      </ul>
      <p className="written-notice__signature">{document.signature}</p>
    </article>
  );
}
