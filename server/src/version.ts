/** The version the server reports; kept in step with package.json by the release. */
export const APP_VERSION = '0.1.0';
