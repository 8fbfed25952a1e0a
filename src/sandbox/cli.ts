// Command line entry: `node out/src/sandbox/cli.js --port 8787`, or bundled as dist/sandbox.js.
import { parseCliArgs, USAGE } from './cli-args';
import { startSandbox } from './sandbox';

async function main(): Promise<void> {
  let config: ReturnType<typeof parseCliArgs>;
  try {
    config = parseCliArgs(process.argv.slice(2));
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  if (config.help) {
    console.log(USAGE);
    return;
  }

  const sandbox = await startSandbox({
    ...config.options,
    log: config.quiet ? undefined : (line) => console.log(line),
  });
  const { memories, actionItems, conversations } = sandbox.data;
  const flavor = config.options.flavor ?? 'real';
  const counts = `${memories.length} memories, ${actionItems.length} action items, ${conversations.length} conversations`;
  const hostile = `${config.options.hostile ? ', hostile' : ''}${sandbox.memoryWriteGrant ? '' : ', memory writes not granted'}`;
  console.log(`Omi sandbox (flavor ${flavor}, seed ${config.options.seed ?? 42}${hostile}): ${counts}`);
  console.log(`  Base URL        ${sandbox.url}`);
  console.log(`  API key         ${sandbox.key}  (full access: reads and writes everything)`);
  console.log(
    `  Read-only key   ${sandbox.readOnlyKey}  (reads everything; writes answer 403 "Insufficient permissions")`,
  );
  console.log(`  Restricted key  ${sandbox.restrictedKey}  (conversations:read only)`);
  console.log(`  Admin           ${sandbox.origin}/__sandbox/health`);
  console.log(`Try: curl -H "Authorization: Bearer ${sandbox.key}" "${sandbox.url}/user/memories?limit=3"`);
  if (flavor === 'real') {
    const write = `-X POST -H "Content-Type: application/json" -d '{"content": "Likes green tea"}'`;
    console.log(`Write: curl ${write} -H "Authorization: Bearer ${sandbox.key}" "${sandbox.url}/user/memories"`);
  }
  console.log('Ctrl+C to stop.');

  let stopping = false;
  const stop = (): void => {
    if (stopping) {
      return;
    }
    stopping = true;
    sandbox.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
