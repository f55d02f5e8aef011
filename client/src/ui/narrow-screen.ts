/** The media query of a phone-sized screen; the same width as the stylesheet's phone layout. */
export const NARROW_SCREEN = '(max-width: 760px)';
