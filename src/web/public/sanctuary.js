// Progressive enhancement only: every page works without this file. It marks the page as able to run GOV.UK
// Frontend (which hides conditional reveals until their option is chosen) and starts its components. A file,
// not an inline script, so the Content-Security-Policy can forbid inline scripts.
/* global document, window, HTMLScriptElement, MutationObserver */
(function () {
  document.body.classList.add('js-enabled');
  if (!('noModule' in HTMLScriptElement.prototype) || !window.GOVUKFrontend) return;
  document.body.classList.add('govuk-frontend-supported');

  // GOV.UK Frontend marks a radio that reveals content with aria-expanded, which ARIA does not allow on a radio
  // (govuk-frontend issue #979; axe reports it under WCAG 4.1.2). The revealed question follows its radio
  // directly, so it is found in reading order without it: keep the markup valid.
  var radio = 'input.govuk-radios__input[aria-expanded]';
  new MutationObserver(function () {
    document.querySelectorAll(radio).forEach(function (input) {
      input.removeAttribute('aria-expanded');
    });
  }).observe(document.body, { attributes: true, subtree: true, attributeFilter: ['aria-expanded'] });

  window.GOVUKFrontend.initAll();
})();
