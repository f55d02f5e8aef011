/** A multipart/form-data request body, as a browser's FormData would send it. */
export interface MultipartBody {
  payload: Buffer;
  headers: { 'content-type': string };
}

/** Files (name and bytes) and text fields as one multipart/form-data body. */
export function multipart(
  files: readonly { name: string; bytes: Buffer | string }[],
  fields: Readonly<Record<string, string>> = {},
): MultipartBody {
  const boundary = `----octograph-test-${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
      ),
    );
  }
  for (const file of files) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${file.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
      Buffer.isBuffer(file.bytes) ? file.bytes : Buffer.from(file.bytes, 'utf8'),
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    payload: Buffer.concat(parts),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}
