// Starts GOV.UK Frontend's components. Loaded as a module, so it only runs in browsers
// that GOV.UK Frontend supports; without it every page still works.
import { initAll } from "../govuk/govuk-frontend.min.js";

document.body.classList.add("js-enabled", "govuk-frontend-supported");
initAll();
