/** The search box's input, which the `/` shortcut focuses. */
export const SEARCH_INPUT_ID = 'map-search';
