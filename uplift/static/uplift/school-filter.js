// On small screens, folds the school list's filter behind a "Show filter" button
// (MOJ Frontend's filter toggle). Without JavaScript the filter is always shown.
import { FilterToggleButton } from "../moj/moj-frontend.min.js";

const filter = document.getElementById("school-filter");
if (filter) {
  new FilterToggleButton(filter, {
    bigModeMediaQuery: "(min-width: 48.0625em)",
    startHidden: false,
    toggleButton: { showText: "Show filter", hideText: "Hide filter", classes: "govuk-button--secondary" },
    toggleButtonContainer: { selector: ".moj-action-bar__filter" },
    closeButton: { text: "Close", classes: "moj-filter__close" },
    closeButtonContainer: { selector: ".moj-filter__header-action" },
  });
}
