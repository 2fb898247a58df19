/**
 * Title, author and date from a DOCX's core properties (docProps/core.xml, ECMA-376 Part 2,
 * section 11). Elements are matched by local name: the namespace prefixes are conventional
 * (dc:, dcterms:) but not fixed, and within core properties the local names are unique.
 */
import type JSZip from 'jszip';
import { toIsoDate } from './dates';
import { ELEMENT_NODE, type DomDocument, type DomNode } from './dom';
import { cleanMetaValue } from './text';
import { emptyMeta, type DocumentMeta } from './types';

const CORE_PROPERTIES = 'docProps/core.xml';
/** Core properties are a few hundred bytes; a huge one is not worth parsing for a title. */
const MAX_CORE_XML_BYTES = 1024 * 1024;

function localName(node: DomNode): string {
  return node.nodeName.split(':').pop()?.toLowerCase() ?? '';
}

/** Text of the first child of the root with this local name. */
function property(root: DomNode, name: string): string {
  const element = Array.from(root.childNodes).find(
    (child) => child.nodeType === ELEMENT_NODE && localName(child) === name,
  );
  return element?.textContent ?? '';
}

async function parseXml(xml: string): Promise<DomDocument | null> {
  const { DOMParser } = await import('linkedom');
  // linkedom's XML parser expands only the five predefined entities: no DTDs, no fetching.
  const document: unknown = new DOMParser().parseFromString(xml, 'text/xml');
  return typeof document === 'object' && document !== null ? (document as DomDocument) : null;
}

export async function readCoreProperties(zip: JSZip): Promise<DocumentMeta> {
  const meta = emptyMeta();
  const file = zip.file(CORE_PROPERTIES);
  if (!file) return meta;
  try {
    const bytes = await file.async('uint8array');
    if (bytes.length > MAX_CORE_XML_BYTES) return meta;
    const document = await parseXml(new TextDecoder().decode(bytes));
    const root = document?.documentElement;
    if (!root) return meta;
    meta.title = cleanMetaValue(property(root, 'title'));
    meta.author = cleanMetaValue(property(root, 'creator'));
    meta.publishedAt =
      toIsoDate(property(root, 'created')) || toIsoDate(property(root, 'modified'));
  } catch {
    // Unreadable properties cost the metadata, not the document's text.
  }
  return meta;
}
