/** A PEM-encoded object (key or certificate). Branded so raw strings are checked once at the edge. */
export type Pem = string & { readonly __brand: 'Pem' };

const PEM_BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----[\s\S]+?-----END \1-----/;

/** Checks that `text` contains a PEM block and brands it. Throws on anything else. */
export function asPem(text: string): Pem {
  if (!PEM_BLOCK.test(text)) throw new Error('not a PEM block');
  return text as Pem;
}

export interface KeyPair {
  publicKeyPem: Pem;
  /** Unencrypted PKCS#8. Keep in memory only; store it via encryptPrivateKey. */
  privateKeyPem: Pem;
}

/** Where new key pairs come from: generateKeyPair in the program; tests may hand out pre-generated ones. */
export type KeyPairSource = () => Promise<KeyPair>;

export interface DistinguishedName {
  /** May be Chinese, e.g. 张三. */
  commonName: string;
  organization?: string;
  organizationalUnit?: string;
  /** Login name (X.500 UID attribute). */
  userId?: string;
}

export class WrongPasswordError extends Error {
  readonly code = 'WRONG_PASSWORD';
  constructor(message = 'wrong password') {
    super(message);
    this.name = 'WrongPasswordError';
  }
}
