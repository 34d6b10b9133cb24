// The /about page: French and English texts, one shown at a time.
import { setupLanguageToggle } from "./common.js";

document.addEventListener("DOMContentLoaded", () => setupLanguageToggle());
