/**
 * After the server refused a form: the first field it named takes the focus (and so comes into
 * view, and a screen reader reads its problem), once React has marked it.
 */
export function focusFirstProblem(form: HTMLFormElement | null): void {
  requestAnimationFrame(() => {
    form?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  });
}
