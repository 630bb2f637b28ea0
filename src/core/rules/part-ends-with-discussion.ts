import { z } from 'zod';
import { defineRule } from './rule';

export default defineRule({
  id: 'part-ends-with-discussion',
  description: 'TODO',
  defaultSeverity: 'error',
  options: z.object({}),
  check() {
    // TODO
  },
});
