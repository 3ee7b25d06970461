/**
 * A documented member as the reader sees it, in the completion list's info panel, the hover
 * tooltip and the keyboard's documentation tooltip: its signature, its first sentence (tfjs'
 * own English, with `code` spans), and a link to the official reference. Text nodes only.
 */
import { signatureText, type ApiMember } from './api';
import type { AssistSay } from './labels';

/** The signature(s), or a property's type, as one line each. */
function signatureLines(member: ApiMember): string[] {
  if (member.signatures.length > 0) {
    const name = member.kind === 'class' ? `new ${member.name}` : member.name;
    return member.signatures.map((s) => signatureText(name, { ...s, returns: member.kind === 'class' ? '' : s.returns }));
  }
  return [member.type && member.kind !== 'namespace' ? `${member.name}: ${member.type}` : member.name];
}

/** The short parameter list a completion shows: `(name, shape, dtype?, …)`. */
export function shortParams(member: ApiMember): string {
  const signature = member.signatures[0];
  if (!signature) return member.kind === 'property' || member.kind === 'constant' ? member.type : '';
  return `(${signature.params.map((p) => `${p.rest ? '...' : ''}${p.name}${p.optional ? '?' : ''}`).join(', ')})`;
}

/** The documentation block: signature, kind, first sentence, reference link. */
export function renderDocs(member: ApiMember, say: AssistSay): HTMLElement {
  const root = el('div', 'cm-tfjs-docs');
  for (const line of signatureLines(member)) root.append(el('code', 'cm-tfjs-signature', line));
  const meta = el('p', 'cm-tfjs-kind', say.kind(member.kind));
  if (member.isProtected) meta.append(` · ${say.text('snippet.assistProtected')}`);
  root.append(meta);
  if (member.doc) root.append(withCode(el('p', 'cm-tfjs-doc'), member.doc));
  if (member.link) {
    const link = el('a', 'cm-tfjs-link', say.text('snippet.assistReference'));
    link.href = member.link;
    link.target = '_blank';
    link.rel = 'noopener noreferrer';
    root.append(el('p', 'cm-tfjs-more', link));
  }
  return root;
}

/** The same, as one sentence for a screen reader's announcement. */
export function docsText(member: ApiMember): string {
  return [signatureLines(member).join('; '), member.doc].filter(Boolean).join('. ');
}

/** Appends `text` with its `code` spans as <code>. */
export function withCode<T extends HTMLElement>(target: T, text: string): T {
  text.split('`').forEach((part, i) => {
    if (part) target.append(i % 2 === 1 ? el('code', '', part) : part);
  });
  return target;
}

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className: string,
  ...children: (string | Node)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  node.append(...children);
  return node;
}
