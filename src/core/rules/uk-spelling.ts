import { z } from 'zod';
import { defineRule } from './rule';

export default defineRule({
  id: 'uk-spelling',
  description: 'TODO',
  defaultSeverity: 'warning',
  options: z.object({}),
  check() {
    // TODO
  },
});
