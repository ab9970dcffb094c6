import { noPlaintextSecret } from '../../rules/plaintext-secret/no-plaintext-secret';
import { ruleTester } from '../support/rule-tester';

ruleTester(noPlaintextSecret, {
  valid: [
    { name: 'example file with empty and placeholder values', path: '.env.example', code: 'DB_PASSWORD=\nAPI_KEY=<your-api-key>\nSESSION_SECRET=${SESSION_SECRET}\nLOG_LEVEL=debug\n' },
    { name: 'names about secrets', path: '.env', code: 'PASSWORD_MIN_LENGTH=12\nTOKEN_TTL=3600\nSECRET_ARN=arn:aws:secretsmanager:eu-west-1:123456789012:secret:db\n' },
  ],
  invalid: [
    {
      name: 'literal secrets, quoted and exported; no automatic fix by design',
      path: '.env',
      code: '# local settings\nDB_PASSWORD=Xk29-vLq7pWm\nexport SESSION_SECRET="f3a9c1d27b5e48a0"\nLOG_LEVEL=info\n',
      errors: [
        { message: 'DB_PASSWORD holds a literal secret (Xk**********)', line: 2, column: 13 },
        { message: 'SESSION_SECRET holds a literal secret', line: 3, column: 23 },
      ],
      output: null,
    },
    {
      name: 'CRLF file, inline comment not part of the value',
      path: 'prod.env',
      code: 'API_KEY=abcdef123456 # rotate quarterly\r\n',
      errors: [{ message: 'API_KEY holds a literal secret (ab**********)', line: 1 }],
    },
  ],
});
