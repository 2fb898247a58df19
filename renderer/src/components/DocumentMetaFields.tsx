/** The source details of a document: title, outlet, author, URL, published and retrieved dates. */
export interface DocumentMeta {
  title: string;
  outlet: string;
  author: string;
  url: string;
  publishedAt: string;
  retrievedAt: string;
}

export const today = () => new Date().toISOString().slice(0, 10);

export function DocumentMetaFields({
  meta,
  onChange,
}: {
  meta: DocumentMeta;
  onChange: (change: Partial<DocumentMeta>) => void;
}) {
  const bind = (key: keyof DocumentMeta) => ({
    value: meta[key],
    onChange: (e: { target: { value: string } }) => onChange({ [key]: e.target.value }),
  });
  return (
    <>
      <label className="field">
        <span className="label">Title</span>
        <input autoFocus {...bind('title')} />
      </label>
      <div className="field-row two">
        <label className="field">
          <span className="label">Outlet (optional)</span>
          <input {...bind('outlet')} />
        </label>
        <label className="field">
          <span className="label">Author (optional)</span>
          <input {...bind('author')} />
        </label>
      </div>
      <label className="field">
        <span className="label">URL (optional)</span>
        <input type="url" placeholder="https://" {...bind('url')} />
      </label>
      <div className="field-row two">
        <label className="field">
          <span className="label">Published (optional)</span>
          <input type="date" {...bind('publishedAt')} />
        </label>
        <label className="field">
          <span className="label">Retrieved (optional)</span>
          <input type="date" {...bind('retrievedAt')} />
        </label>
      </div>
    </>
  );
}
