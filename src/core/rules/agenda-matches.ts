import { z } from 'zod';
import { defineRule } from './rule';

export default defineRule({
  id: 'agenda-matches',
  description: 'TODO',
  defaultSeverity: 'warning',
  options: z.object({}),
  check() {
    // TODO
  },
});
