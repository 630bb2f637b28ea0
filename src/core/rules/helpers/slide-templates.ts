/** Markdown that fixes insert, built from the slide types' declarations so that it stays valid house markup. */
import { templateMarkdown } from '../../slide-catalogue';
import discussion, { DISCUSSION_TITLE } from '../../slide-types/discussion';

export { DISCUSSION_TITLE };

export const DISCUSSION_CLASS_COMMENT = '<!-- _class: discussion -->';

/**
 * A whole discussion slide, from its `---` separator to the blank line after its question: the
 * discussion template with its defaults, as `is-discussion` inserts it. Inserted before the
 * next slide's `---`; at the end of a file, without the last newline. It passes
 * discussion-question, slide-title and empty-slide as it stands.
 */
export const DISCUSSION_SLIDE = `---\n\n${templateMarkdown(discussion.template)}\n\n`;
