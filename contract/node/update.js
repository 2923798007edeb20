// Runs Steward's update pipeline from Node.js, knowing only its contract (docs/contract.md): the
// workflow type UpdateWorkflow on task queue "steward", a JSON UpdateRequest, the "progress" query
// and a JSON UpdateResult. No Java, no Steward code: a Steward worker for HOST must be running.
//
//   node update.js ADDRESS TARGET [HOST]
//
// Prints one JSON object on stdout: {"workflowId", "progress" (the query's last answer: the steps,
// each with name, status, durationMs, message), "result" (the run's UpdateResult)}, and the
// progress as it changes on stderr. Exits 0 when the run ended (whatever its outcome), 1 on an
// error (one line on stderr), 2 on a usage error. HOST defaults to this machine's hostname, as
// Steward's does.
'use strict';

const os = require('node:os');
const { setTimeout: sleep } = require('node:timers/promises');
const { Client, Connection } = require('@temporalio/client');
const {
  SearchAttributeType,
  TypedSearchAttributes,
  defineSearchAttributeKey,
} = require('@temporalio/common');

// Steward's search attributes: a run that carries them is listed by `steward history` and ends
// with its outcome in StewardOutcome.
const keyword = (name) => defineSearchAttributeKey(name, SearchAttributeType.KEYWORD);
const TARGET = keyword('StewardTarget');
const HOST = keyword('StewardHost');
const OUTCOME = keyword('StewardOutcome');
const KIND = keyword('StewardKind');

async function main(address, target, host) {
  const connection = await Connection.connect({ address });
  try {
    const client = new Client({ connection, namespace: 'default' });
    const workflowId = `update/${target}/${new Date().toISOString()}`;
    const handle = await client.workflow.start('UpdateWorkflow', {
      taskQueue: 'steward',
      workflowId,
      args: [{ target, host, waitForWindow: false }],
      staticSummary: `Update ${target} on ${host} (from Node.js)`,
      typedSearchAttributes: new TypedSearchAttributes([
        { key: TARGET, value: target },
        { key: HOST, value: host },
        { key: OUTCOME, value: 'running' },
        { key: KIND, value: 'update' },
      ]),
    });
    const progress = await watchProgress(handle);
    const result = await handle.result();
    process.stdout.write(JSON.stringify({ workflowId, progress, result }) + '\n');
  } finally {
    await connection.close();
  }
}

/**
 * Queries "progress" while the run goes on, telling stderr when it changes; returns the answer once
 * the run has closed.
 */
async function watchProgress(handle) {
  let shown = '';
  for (;;) {
    const steps = await handle.query('progress');
    const { status } = await handle.describe();
    if (status.name !== 'RUNNING') {
      return handle.query('progress'); // the run may have ended after the last answer
    }
    const last = steps[steps.length - 1];
    const line = last ? `${steps.length} steps, last: ${last.name} ${last.status}` : 'starting';
    if (line !== shown) {
      process.stderr.write(`progress: ${line}\n`); // stdout stays one JSON object
      shown = line;
    }
    await sleep(200);
  }
}

const [address, target, host = os.hostname()] = process.argv.slice(2);
if (!address || !target) {
  process.stderr.write('usage: node update.js ADDRESS TARGET [HOST]\n');
  process.exit(2);
}
main(address, target, host).catch((error) => {
  process.stderr.write(`update.js: ${error.message}\n`);
  process.exit(1);
});
