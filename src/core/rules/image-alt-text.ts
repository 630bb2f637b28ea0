import { z } from 'zod';
import { defineRule } from './rule';

export default defineRule({
  id: 'image-alt-text',
  description: 'TODO',
  defaultSeverity: 'error',
  options: z.object({}),
  check() {
    // TODO
  },
});
