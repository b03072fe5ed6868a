// The coverage matrix's title and introduction, shared by its Markdown and HTML forms.
export const matrixTitle = 'Sanctuary scheme coverage matrix';

export const matrixIntroduction = (asOf: string) =>
  `Generated from the rule packs in force on ${asOf}. Every cell is the decision for the same standard case, ` +
  "with the row's tenure and risk level, so cells differ only where the schemes do.";
