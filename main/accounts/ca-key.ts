import { createCipheriv, createDecipheriv, privateDecrypt, publicEncrypt, randomBytes, constants } from 'node:crypto';

/**
 * The office CA key is kept wrapped for each admin's public key (RSA-OAEP around an AES-256-GCM
 * key), so any admin whose own key is unlocked at login can issue certificates, and a password
 * change never touches it.
 */
export function wrapForUser(caPrivateKeyPem: string, userPublicKeyPem: string): string {
  const aesKey = randomBytes(32);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', aesKey, iv);
  const body = Buffer.concat([cipher.update(caPrivateKeyPem, 'utf8'), cipher.final()]);
  const wrappedKey = publicEncrypt(
    { key: userPublicKeyPem, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' },
    aesKey,
  );
  return JSON.stringify({
    v: 1,
    k: wrappedKey.toString('base64'),
    iv: iv.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    body: body.toString('base64'),
  });
}

export function unwrapForUser(wrapped: string, userPrivateKeyPem: string): string {
  const w = JSON.parse(wrapped) as { k: string; iv: string; tag: string; body: string };
  const aesKey = privateDecrypt(
    { key: userPrivateKeyPem, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' },
    Buffer.from(w.k, 'base64'),
  );
  const decipher = createDecipheriv('aes-256-gcm', aesKey, Buffer.from(w.iv, 'base64'));
  decipher.setAuthTag(Buffer.from(w.tag, 'base64'));
  return Buffer.concat([decipher.update(Buffer.from(w.body, 'base64')), decipher.final()]).toString('utf8');
}
