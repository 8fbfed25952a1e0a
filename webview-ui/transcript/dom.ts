// Building elements without ever parsing markup: text goes in as text nodes, so Omi data cannot become HTML.

type Child = Node | string | null | undefined | false;

export interface Props {
  className?: string;
  /** Only plain attributes (aria-*, data-*, tabindex, type...); never event handlers, styles or URLs. */
  attrs?: Record<string, string>;
}

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Props = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (props.className) element.className = props.className;
  for (const [name, value] of Object.entries(props.attrs ?? {})) element.setAttribute(name, value);
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    element.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return element;
}

export function button(label: string, ariaLabel: string, onClick: () => void, className = 'button'): HTMLButtonElement {
  const element = h(
    'button',
    { className, attrs: { type: 'button', 'aria-label': ariaLabel, title: ariaLabel } },
    label,
  );
  element.addEventListener('click', onClick);
  return element;
}
