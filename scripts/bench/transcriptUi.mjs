// The transcript panel in a real workbench (code-server + headless Chromium, the packaged VSIX): time from accepting
// "Omi: Open Conversation…" to the first frame with turns and to the last turn in the page, for 500 and 5,000
// segments, and the frames painted while each is scrolled with the mouse wheel.
import {
  openByPastedId,
  openOmiContainer,
  openWorkbench,
  startSandbox,
  transcriptFrame,
} from '../../test/ui/workbench.mjs';

const SIZES = [500, 5000];
const SCROLL_MS = 3000;

/** The panel's own marks (webview-ui/transcript/main.ts), as epoch ms, less `since`. */
async function marksSince(frame, since) {
  await frame.locator('.turns[data-complete="true"]').waitFor({ timeout: 120_000 });
  return frame.evaluate((t0) => {
    const at = (name) => performance.timeOrigin + performance.getEntriesByName(name).at(-1).startTime - t0;
    return { show: at('omi:show'), firstPaint: at('omi:first-paint'), allTurns: at('omi:all-turns') };
  }, since);
}

/** Frames painted while wheeling down the transcript: frames per second, frames over 50 ms, the longest. */
async function scrollFrames(page, frame) {
  const host = await frame.parentFrame().frameElement();
  const box = await host.boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height * 0.7);
  await frame.evaluate(() => {
    const record = { times: [], top: document.scrollingElement.scrollTop, on: true };
    const tick = (time) => {
      record.times.push(time);
      if (record.on) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    window.omiBenchFrames = record;
  });
  for (const end = Date.now() + SCROLL_MS; Date.now() < end; ) {
    await page.mouse.wheel(0, 240);
    await page.waitForTimeout(30);
  }
  const { times, scrolled } = await frame.evaluate(() => {
    const record = window.omiBenchFrames;
    record.on = false;
    return { times: record.times, scrolled: document.scrollingElement.scrollTop - record.top };
  });
  if (scrolled <= 0) throw new Error('the transcript did not scroll');
  const gaps = times.slice(1).map((t, i) => t - times[i]);
  return {
    fps: (gaps.length * 1000) / (times.at(-1) - times[0]),
    longFrames: gaps.filter((g) => g > 50).length,
    longestFrameMs: Math.max(...gaps),
  };
}

/** Signed in, with the conversations listed, before anything is timed. */
async function signedInWorkbench(sandbox) {
  const workbench = await openWorkbench({
    settings: { 'omi.apiBaseUrl': sandbox.url },
    env: { OMI_API_KEY: sandbox.key },
  });
  const container = await openOmiContainer(workbench.page);
  await container.locator('.monaco-list-row[role="treeitem"][aria-level="2"]').first().waitFor({ timeout: 60_000 });
  return workbench;
}

/** Opens the conversation and times it: accepted → first turns, → all turns, and the panel's own share. */
async function openTimed(page, conversation) {
  const accepted = await openByPastedId(page, conversation);
  const frame = await transcriptFrame(page, conversation.structured.title, 60_000);
  return { frame, ...(await marksSince(frame, accepted)) };
}

/**
 * Each size is the first panel of its own window, so one size's figures do not depend on which was opened before:
 * VS Code 1.100.3 installs a new webview service worker for every further panel of a window, which holds that
 * panel's page back by about a second (microsoft/vscode#245756). That cost is measured on its own, by a 500-segment
 * conversation opened second in the 5,000-segment window.
 */
export async function transcriptUiFigures() {
  const sandbox = await startSandbox({ conversations: 6, memories: 5, actionItems: 5, transcriptSizes: SIZES });
  const bySize = new Map(sandbox.data.conversations.map((c) => [c.transcript_segments.length, c]));
  const figures = {};
  try {
    for (const size of SIZES) {
      const workbench = await signedInWorkbench(sandbox);
      try {
        const { frame, show, firstPaint, allTurns } = await openTimed(workbench.page, bySize.get(size));
        const scroll = await scrollFrames(workbench.page, frame);
        Object.assign(figures, {
          [`transcript${size}FirstTurnMs`]: firstPaint,
          [`transcript${size}AllTurnsMs`]: allTurns,
          [`transcript${size}RenderMs`]: allTurns - show,
          [`transcript${size}ScrollFps`]: scroll.fps,
          [`transcript${size}ScrollLongFrames`]: scroll.longFrames,
          [`transcript${size}ScrollLongestFrameMs`]: scroll.longestFrameMs,
        });
        if (size === SIZES.at(-1)) {
          const second = await openTimed(workbench.page, bySize.get(SIZES[0]));
          figures.transcriptSecondPanelFirstTurnMs = second.firstPaint;
        }
      } finally {
        await workbench.close();
      }
    }
  } finally {
    await sandbox.close();
  }
  return figures;
}
