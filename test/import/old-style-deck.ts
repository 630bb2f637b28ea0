/**
 * A masterclass deck as it was made in 2010: PowerPoint's plain Office style (a "Title
 * Slide" and a "Title and Content" layout, 4:3, no house master), the tagline, the
 * "Improvement is." wordmark and a logo put on each slide, a slide number, models as four text
 * boxes, figures as text boxes, stages as chevrons, a hidden slide, notes and two sections.
 * Written with pptxgenjs at test time, so no binary is kept in the repository.
 */
import PptxGenJS from 'pptxgenjs';

const TAGLINE = 'efficiency | quality | accountability';

export async function oldStyleDeck(picture: Buffer, logo: Buffer): Promise<Buffer> {
  const pptx = new PptxGenJS();
  pptx.layout = 'LAYOUT_4x3';
  pptx.title = 'Delivering Outcomes';
  pptx.author = 'Bob Christie';
  // Typed on every slide by hand, as decks of the time did, not drawn by a master.
  const furniture: [string, PptxGenJS.TextPropsOptions][] = [
    [TAGLINE, { x: 0.3, y: 0.05, w: 9.4, h: 0.4, fontSize: 10, align: 'right' }],
    ['Improvement is.', { x: 0.3, y: 7.05, w: 2.5, h: 0.35, fontSize: 12 }],
  ];
  pptx.defineSlideMaster({
    title: 'Title Slide',
    objects: [
      { placeholder: { options: { name: 'title', type: 'title', x: 0.75, y: 2.2, w: 8.5, h: 1.4, fontSize: 36 }, text: '' } },
      { placeholder: { options: { name: 'subtitle', type: 'body', x: 1.5, y: 3.9, w: 7, h: 2.2, fontSize: 20 }, text: '' } },
    ],
  });
  pptx.defineSlideMaster({
    title: 'Title and Content',
    objects: [
      { placeholder: { options: { name: 'title', type: 'title', x: 0.5, y: 0.5, w: 9, h: 1.1, fontSize: 32 }, text: '' } },
      { placeholder: { options: { name: 'body', type: 'body', x: 0.5, y: 1.8, w: 9, h: 4.8, fontSize: 22 }, text: '' } },
    ],
    slideNumber: { x: 9, y: 7.05, w: 0.6, h: 0.35, fontSize: 10 },
  });
  const slide = (layout: 'Title Slide' | 'Title and Content', section: string) => {
    const added = pptx.addSlide({ masterName: layout, sectionTitle: section });
    for (const [text, options] of furniture) added.addText(text, options);
    added.addImage({ data: `data:image/png;base64,${logo.toString('base64')}`, x: 7.8, y: 7.0, w: 1, h: 0.4, altText: 'Improvement Service logo' });
    return added;
  };
  const lines = (texts: string[], options: PptxGenJS.TextPropsOptions = {}) => texts.map((text, index) => ({ text, options: { ...options, breakLine: index < texts.length - 1 } }));
  pptx.addSection({ title: 'Introduction' });
  pptx.addSection({ title: 'The Evidence' });

  const cover = slide('Title Slide', 'Introduction');
  cover.addText('Delivering Outcomes', { placeholder: 'title' });
  cover.addText(lines(['Elected Members Masterclass', '24/03/2010', 'Bob Christie', 'The Improvement Service']), { placeholder: 'subtitle' });
  cover.addNotes('Welcome: the session runs for ninety minutes.');

  const content = slide('Title and Content', 'Introduction');
  content.addText('The Economic Context', { placeholder: 'title' });
  content.addText(
    [
      { text: 'Public output is at least 42% of GDP', options: { bullet: true, breakLine: true } },
      { text: 'employment and wages', options: { bullet: true, indentLevel: 1, breakLine: true } },
      { text: 'Retrenchment must be ', options: { bullet: true } },
      { text: 'well managed', options: { bold: true } },
    ],
    { placeholder: 'body' },
  );
  content.addImage({ data: `data:image/png;base64,${picture.toString('base64')}`, x: 6.5, y: 4.8, w: 2.5, h: 1.8, altText: 'Graph of public output by year' });

  const models = slide('Title and Content', 'Introduction');
  models.addText('Models of Service Delivery', { placeholder: 'title' });
  const card = (name: string, description: string, x: number, y: number) =>
    models.addText([{ text: name, options: { bold: true, fontSize: 20, breakLine: true } }, { text: description, options: { fontSize: 14 } }], { x, y, w: 4.3, h: 2.3, fill: { color: 'EEEEEE' }, valign: 'top' });
  card('Voluntarism', 'rolling back the state', 0.5, 1.9);
  card('Co-production', 'a partnership between citizens and government', 5.2, 1.9);
  card('Managerialism', 'carrots and sticks for providers and citizens', 0.5, 4.4);
  card('Paternalism', 'the professional gift model', 5.2, 4.4);

  const hidden = pptx.addSlide({ masterName: 'Title and Content', sectionTitle: 'Introduction' });
  hidden.hidden = true;
  hidden.addText('Spare slide', { placeholder: 'title' });

  const risks = slide('Title and Content', 'The Evidence');
  risks.addText('Benefits and Risks', { placeholder: 'title' });
  risks.addTable(
    [
      [{ text: 'Benefits', options: { bold: true } }, { text: 'Risks', options: { bold: true } }],
      [{ text: 'People contribute own resources' }, { text: 'Those with most may gain most' }],
      [{ text: 'More control of resources' }, { text: 'Challenges cost control' }],
    ],
    { x: 0.5, y: 1.9, w: 9, colW: [4.5, 4.5], fontSize: 16 },
  );

  const chart = slide('Title and Content', 'The Evidence');
  chart.addText('Will people contribute?', { placeholder: 'title' });
  chart.addChart(pptx.ChartType.bar, [{ name: 'Belief', labels: ['Denmark', 'France', 'Germany'], values: [79, 71, 64] }], {
    x: 0.5,
    y: 1.9,
    w: 9,
    h: 4.6,
    showTitle: true,
    title: 'Index of belief in making a difference',
    showCatAxisTitle: true,
    catAxisTitle: 'Country',
  });

  const figures = slide('Title and Content', 'The Evidence');
  figures.addText('Potential Value of Contributions', { placeholder: 'title' });
  const figure = (value: string, label: string, x: number) =>
    figures.addText([{ text: value, options: { bold: true, fontSize: 40, breakLine: true } }, { text: label, options: { fontSize: 16 } }], { x, y: 2.5, w: 2.9, h: 2.2, valign: 'top' });
  figure('£3bn', 'saved by self care', 0.4);
  figure('£8bn', 'informal care', 3.5);
  figure('£22bn', 'childcare by households', 6.6);

  const stages = slide('Title and Content', 'The Evidence');
  stages.addText('The Reform Spectrum', { placeholder: 'title' });
  ['Improve existing', 'Core vs non-core', 'Sector reform', 'Co-production'].forEach((text, index) =>
    stages.addText(text, { shape: pptx.ShapeType.chevron, x: 0.3 + index * 2.35, y: 3, w: 2.4, h: 1.6, fill: { color: '1B365D' }, color: 'FFFFFF', fontSize: 14, bold: true }),
  );

  const discussion = slide('Title and Content', 'The Evidence');
  discussion.addText('Group Discussion', { placeholder: 'title' });
  discussion.addText('How relevant could co-production be to your council?', { placeholder: 'body', bullet: false });

  return (await pptx.write({ outputType: 'nodebuffer' })) as Buffer;
}
