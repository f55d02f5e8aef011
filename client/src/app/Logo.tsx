/** Octograph's mark: a hub with the groups around it. Decorative. */
export function Logo() {
  return (
    <svg className="logo" viewBox="0 0 32 32" aria-hidden="true">
      <g stroke="#b8c2cc" strokeWidth="1.4" fill="none">
        <path d="M16 16 6.5 8.5M16 16l10-6M16 16l9.5 8M16 16l-10 8.5M6.5 8.5 6 24.5" />
      </g>
      <circle cx="16" cy="16" r="6.6" fill="#f0816f" fillOpacity="0.3" />
      <circle cx="16" cy="16" r="4.6" fill="#f0816f" stroke="#b8473a" strokeWidth="1.4" />
      <circle cx="6.5" cy="8.5" r="3" fill="#7fb2dc" stroke="#4a7fab" strokeWidth="1" />
      <circle cx="26" cy="10" r="2.6" fill="#9fd37e" stroke="#5f9a3f" strokeWidth="1" />
      <circle cx="25.5" cy="24" r="3.2" fill="#f7b36a" stroke="#c57a2c" strokeWidth="1" />
      <circle cx="6" cy="24.5" r="2.4" fill="#84d0c4" stroke="#3e9689" strokeWidth="1" />
    </svg>
  );
}
