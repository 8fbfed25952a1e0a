// Small DOM helpers: every text goes in through textContent, never as HTML.

export function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  options: { className?: string; text?: string; attributes?: Record<string, string> } = {},
  ...children: Node[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (options.className) node.className = options.className;
  if (options.text !== undefined) node.textContent = options.text;
  for (const [name, value] of Object.entries(options.attributes ?? {})) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

export function button(text: string, onClick: () => void, className = ''): HTMLButtonElement {
  const node = element('button', { text, className, attributes: { type: 'button' } });
  node.addEventListener('click', onClick);
  return node;
}
