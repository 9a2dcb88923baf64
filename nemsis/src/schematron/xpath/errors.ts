/** An XPath expression that cannot be parsed or compiled (a defect in a rule pack, found when it is loaded). */
export class XPathSyntaxError extends Error {
  constructor(
    message: string,
    readonly expression: string,
    readonly position?: number,
  ) {
    super(`${message}${position === undefined ? '' : ` at offset ${position}`} in XPath "${expression}"`);
    this.name = 'XPathSyntaxError';
  }
}

/** A run-time XPath error (bad cast, type mismatch), with the XPath error code such as `FORG0001`. */
export class XPathDynamicError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(`${code}: ${message}`);
    this.name = 'XPathDynamicError';
  }
}
