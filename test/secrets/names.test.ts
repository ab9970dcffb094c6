import assert from 'node:assert/strict';
import { isSecretName, nameWords } from '../../server/src/engine/secrets';

describe('secrets: isSecretName', () => {
  it('splits names of every casing into words', () => {
    assert.deepEqual(nameWords('MasterUserPassword'), ['master', 'user', 'password']);
    assert.deepEqual(nameWords('DB_PASSWORD'), ['db', 'password']);
    assert.deepEqual(nameWords('app.apiKey'), ['app', 'api', 'key']);
    assert.deepEqual(nameWords('AWSSecretKey'), ['aws', 'secret', 'key']);
  });

  for (const name of [
    'password', 'master_password', 'admin_password', 'administrator_login_password', 'MasterUserPassword', 'DB_PASSWORD', 'dbpassword',
    'passwd', 'DB_PASS', 'secret', 'client_secret', 'clientSecret', 'AWS_SECRET_ACCESS_KEY', 'secret_key', 'token', 'auth_token',
    'GITHUB_TOKEN', 'api_key', 'apikey', 'ApiKey', 'x-api-key', 'private_key', 'access_key', 'auth', 'basic_auth', 'credentials',
    'secret_string', 'passphrase', 'sas_token', 'connection_string', 'primary_access_key', 'account_key', 'oauth_token', 'access_token',
  ]) {
    it(`${name} holds a secret`, () => assert.equal(isSecretName(name), true));
  }

  for (const name of [
    'password_policy', 'token_ttl', 'secret_arn', 'kms_key_id', 'password_length', 'secret_name', 'secret_id', 'enable_basic_auth',
    'min_password_length', 'password_reset_required', 'manage_master_user_password', 'token_url', 'auth_type', 'AWS_ACCESS_KEY_ID',
    'public_key', 'ssh_public_key', 'kms_key_arn', 'secret_version_stage', 'description', 'name', 'key', 'bypass', 'pass_through',
    'authentication_mode', 'password_hash', 'max_tokens', 'key_vault_secret_id', 'secretsmanager_endpoint', 'auth_method',
    'customer_master_key_spec', 'creation_token', 'auth_token_update_strategy', 'authorization', 'primary_key', 'api_key_source', 'api_key_required',
    'password_reuse_prevention', 'update_password', 'password_expire', 'reset_password', 'minimum_password_length', 'disable_password_authentication', 'refresh_token_validity', 'client_secret_setting_name',
  ]) {
    it(`${name} does not`, () => assert.equal(isSecretName(name), false));
  }
});
