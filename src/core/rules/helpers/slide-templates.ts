/** Markdown that fixes insert, built from the slide types' declarations so that it stays valid house markup. */
import { DISCUSSION_TITLE } from '../../slide-types/discussion';

export { DISCUSSION_TITLE };

export const DISCUSSION_CLASS_COMMENT = '<!-- _class: discussion -->';

/**
 * A whole discussion slide, from its `---` separator to the blank line after its question.
 * Inserted before the next slide's `---`; at the end of a file, without the last newline.
 * It passes discussion-question, slide-title and empty-slide as it stands.
 */
export const DISCUSSION_SLIDE = `---\n\n${DISCUSSION_CLASS_COMMENT}\n\n## ${DISCUSSION_TITLE}\n\nWhat question will the group discuss?\n\n`;
