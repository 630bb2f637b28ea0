// One adversarial deck (test/hardening/adversarial.ts) through lint, --fix, the editor's
// re-lint and a render, in a process of its own so that scripts/bench.mjs can read its peak
// memory. Prints one JSON line: the case, each stage's wall time and the CPU time.
import { ADVERSARIAL_CASES, exercise } from '../../test/hardening/adversarial';

const index = Number(process.argv[2]);
const adversarial = ADVERSARIAL_CASES[index];
if (!adversarial) {
  console.log(JSON.stringify({ cases: ADVERSARIAL_CASES.length }));
} else {
  const cpu = process.cpuUsage();
  const times = exercise(adversarial.deck());
  const used = process.cpuUsage(cpu);
  console.log(JSON.stringify({ name: adversarial.name, ...times, cpuMs: (used.user + used.system) / 1000 }));
}
