/**
 * Why a file cannot be imported, in one line that names the problem and what to do. The
 * command line prefixes the file's name; the extension shows it as it is.
 */
export class ImportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportError';
  }
}
