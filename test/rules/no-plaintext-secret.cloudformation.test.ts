import { noPlaintextSecret } from '../../rules/plaintext-secret/no-plaintext-secret';
import { ruleTester } from '../support/rule-tester';

const db = (password: string) => `Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      Engine: postgres\n      MasterUsername: app\n      MasterUserPassword: ${password}\n`;

ruleTester(noPlaintextSecret, {
  valid: [
    { name: 'Secrets Manager dynamic reference', path: 't.yaml', code: db("'{{resolve:secretsmanager:prod/db:SecretString:password}}'") },
    { name: 'dynamic reference inside !Sub', path: 't.yaml', code: db("!Sub '{{resolve:secretsmanager:${DbSecret}::password}}'") },
    { name: 'NoEcho parameter reference', path: 't.yaml', code: 'Parameters:\n  DbPassword:\n    Type: String\n    NoEcho: true\n' + db('!Ref DbPassword') },
    { name: 'docs stub value', path: 't.yaml', code: 'Resources:\n  App:\n    Type: AWS::Amplify::App\n    Properties:\n      OauthToken: String\n' },
    { name: 'a parameter name where a Ref was meant is not a credential', path: 't.json', code: '{"Parameters":{"ParentPassword":{"Type":"String","NoEcho":true}},"Resources":{"U":{"Type":"AWS::IAM::User","Properties":{"LoginProfile":{"Password":"ParentPassword"}}}}}' },
    { name: 'names about secrets, not secrets', path: 't.yaml', code: "Resources:\n  S:\n    Type: AWS::SecretsManager::Secret\n    Properties:\n      GenerateSecretString:\n        SecretStringTemplate: '{\"username\":\"admin\"}'\n        GenerateStringKey: password\n        PasswordLength: 32\n  C:\n    Type: AWS::CloudFormation::CustomResource\n    Properties:\n      ServiceToken: arn:aws:lambda:eu-west-1:123456789012:function:x\n  B:\n    Type: AWS::CodeBuild::Project\n    Properties:\n      EncryptionKey: alias/aws/s3\n" },
    { name: 'parameter without a default', path: 't.yaml', code: 'Parameters:\n  MasterPassword:\n    Type: String\n    NoEcho: true\nResources: {}\n' },
  ],
  invalid: [
    {
      name: 'literal MasterUserPassword: two unsafe alternatives',
      path: 't.yaml',
      code: db("'Sup3r-Secret'"),
      errors: [{ message: 'Db (AWS::RDS::DBInstance) sets MasterUserPassword to a literal secret (Su**********)', line: 7 }],
      output: null,
      fixes: [
        {
          title: 'Let RDS manage the password in Secrets Manager (ManageMasterUserPassword: true)',
          safe: false,
          output: 'Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      Engine: postgres\n      MasterUsername: app\n      ManageMasterUserPassword: true\n',
        },
        { title: /Resolve it from Secrets Manager/, safe: false, output: db("!Sub '{{resolve:secretsmanager:${AWS::StackName}/Db/MasterUserPassword}}'") },
        {
          title: 'Take it from a new NoEcho parameter DbMasterUserPassword',
          safe: false,
          output: 'Parameters:\n  DbMasterUserPassword:\n    Type: String\n    NoEcho: true\n    Description: MasterUserPassword of Db (supplied at deploy time, never stored in the template)\n' + db('!Ref DbMasterUserPassword'),
        },
      ],
    },
    {
      name: 'Lambda environment variable and ECS name/value environment',
      path: 't.yaml',
      code: 'Resources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      Environment:\n        Variables:\n          DB_PASSWORD: hunter2hunter2\n          LOG_LEVEL: debug\n  Task:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n      ContainerDefinitions:\n        - Name: app\n          Environment:\n            - Name: API_SECRET\n              Value: "s3cr3t-value"\n',
      errors: [{ message: 'sets DB_PASSWORD', line: 7 }, { message: 'sets API_SECRET', line: 16 }],
    },
    {
      name: 'JSON: nested BasicAuthConfig.Password, fix writes Fn::Sub',
      path: 't.json',
      code: '{\n  "Resources": {\n    "App": {\n      "Type": "AWS::Amplify::App",\n      "Properties": {\n        "BasicAuthConfig": { "EnableBasicAuth": true, "Username": "admin", "Password": "hunter22" }\n      }\n    }\n  }\n}\n',
      errors: [{ line: 6 }],
      fixes: [
        {
          title: /Resolve it from Secrets Manager/,
          output: '{\n  "Resources": {\n    "App": {\n      "Type": "AWS::Amplify::App",\n      "Properties": {\n        "BasicAuthConfig": { "EnableBasicAuth": true, "Username": "admin", "Password": {"Fn::Sub":"{{resolve:secretsmanager:${AWS::StackName}/App/Password}}"} }\n      }\n    }\n  }\n}\n',
        },
      ],
    },
    {
      name: 'secret-named parameter with a literal default: Default becomes NoEcho',
      path: 't.yaml',
      code: "Parameters:\n  ParentMasterPassword:\n    Type: String\n    Default: 'asDjskjs73!'\nResources:\n  Db:\n    Type: AWS::DocDB::DBCluster\n    Properties:\n      MasterUserPassword: !Ref ParentMasterPassword\n",
      errors: [{ message: 'Parameter ParentMasterPassword has a literal secret as its Default (as*********)', line: 4 }],
      output: null,
      fixes: [{ title: 'Remove the Default and set NoEcho: true', safe: false, output: 'Parameters:\n  ParentMasterPassword:\n    Type: String\n    NoEcho: true\nResources:\n  Db:\n    Type: AWS::DocDB::DBCluster\n    Properties:\n      MasterUserPassword: !Ref ParentMasterPassword\n' }],
    },
    {
      name: 'NoEcho does not make a literal default safe (JSON: the Default is removed)',
      path: 't.json',
      code: '{\n  "AWSTemplateFormatVersion": "2010-09-09",\n  "Parameters": {\n    "DbPassword": {\n      "Type": "String",\n      "NoEcho": true,\n      "Default": "hunter2hunter2"\n    }\n  }\n}\n',
      errors: [{ message: 'NoEcho hides it from the console, but the default still sits in the template', line: 7 }],
      fixes: [{ title: 'Remove the Default', output: '{\n  "AWSTemplateFormatVersion": "2010-09-09",\n  "Parameters": {\n    "DbPassword": {\n      "Type": "String",\n      "NoEcho": true\n    }\n  }\n}\n' }],
    },
    {
      name: 'literal SecretString of a Secrets Manager secret',
      path: 't.yaml',
      code: "Resources:\n  S:\n    Type: AWS::SecretsManager::Secret\n    Properties:\n      SecretString: '{\"username\":\"app\",\"password\":\"hunter2hunter2\"}'\n",
      errors: [{ message: 'S (AWS::SecretsManager::Secret) sets SecretString to a literal secret', line: 5 }],
    },
    {
      name: 'secret-named SSM parameter: CloudFormation can only create plain String parameters',
      path: 't.yaml',
      code: 'Resources:\n  P:\n    Type: AWS::SSM::Parameter\n    Properties:\n      Name: /prod/db/password\n      Type: String\n      Value: hunter2hunter2\n',
      errors: [{ message: 'stores a secret ("/prod/db/password") as a plain String parameter', line: 7 }],
    },
    {
      name: 'SAM Globals environment',
      path: 'template.yaml',
      code: "Transform: AWS::Serverless-2016-10-31\nGlobals:\n  Function:\n    Environment:\n      Variables:\n        API_TOKEN: 'tok-83hf-29fj-10dk'\nResources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n      Handler: index.handler\n",
      errors: [{ message: 'Globals.Function sets API_TOKEN to a literal secret', line: 6 }],
    },
    {
      name: 'credentials in AWS::CloudFormation::Authentication metadata, even as references',
      path: 't.yaml',
      code: 'Resources:\n  Web:\n    Type: AWS::EC2::Instance\n    Metadata:\n      AWS::CloudFormation::Authentication:\n        S3Creds:\n          type: S3\n          accessKeyId: !Ref Keys\n          secretKey: !GetAtt Keys.SecretAccessKey\n    Properties:\n      ImageId: ami-123\n',
      errors: [{ message: 'puts accessKeyId in its AWS::CloudFormation::Authentication metadata', line: 8 }, { message: 'puts secretKey', line: 9 }],
    },
  ],
});
