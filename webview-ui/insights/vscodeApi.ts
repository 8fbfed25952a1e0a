// The webview's side of the messaging: typed, and the only place that touches acquireVsCodeApi.
import type { InsightsRange } from '../../src/insights/model';
import type { HostMessage, WebviewMessage } from '../../src/insights/protocol';

interface SavedState {
  range: InsightsRange;
}

interface VsCodeApi {
  postMessage(message: WebviewMessage): void;
  getState(): SavedState | undefined;
  setState(state: SavedState): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

const api = acquireVsCodeApi();

export const post = (message: WebviewMessage): void => api.postMessage(message);
export const savedState = (): SavedState | undefined => api.getState();
export const saveState = (state: SavedState): void => api.setState(state);

/** Messages from the extension host; anything else (other origins, other shapes) is ignored. */
export function onHostMessage(handle: (message: HostMessage) => void): void {
  window.addEventListener('message', (event: MessageEvent<unknown>) => {
    const data = event.data as { type?: unknown; state?: unknown } | null;
    if (data && data.type === 'state' && typeof data.state === 'object' && data.state !== null) {
      handle(data as HostMessage);
    }
  });
}
