namespace AzureRules.Generators.Tests.Pipeline;

/// <summary>Small rule files in each format for pipeline tests.</summary>
internal static class RuleSamples
{
    public static string ElasticToml(string ruleId, string name, string query = "event.outcome:success") => $"""
        [metadata]
        creation_date = "2024/01/01"
        maturity = "production"
        updated_date = "2024/01/01"

        [rule]
        author = ["Elastic"]
        description = "A test rule."
        from = "now-9m"
        index = ["logs-azure*"]
        language = "kuery"
        license = "Elastic License v2"
        name = "{name}"
        risk_score = 47
        rule_id = "{ruleId}"
        severity = "medium"
        tags = ["Test"]
        type = "query"

        query = '''
        {query}
        '''

        [[rule.threat]]
        framework = "MITRE ATT&CK"
        [[rule.threat.technique]]
        id = "T1528"
        name = "Steal Application Access Token"
        reference = "https://attack.mitre.org/techniques/T1528/"

        [rule.threat.tactic]
        id = "TA0006"
        name = "Credential Access"
        reference = "https://attack.mitre.org/tactics/TA0006/"
        """;

    public static string SentinelYaml(string id, string name, string query = "SigninLogs\n  | where ResultType == \"0\"") => $"""
        id: {id}
        name: {name}
        description: |
          A test rule.
        severity: Medium
        requiredDataConnectors:
          - connectorId: AzureActiveDirectory
            dataTypes:
              - SigninLogs
        queryFrequency: 1h
        queryPeriod: 1h
        triggerOperator: gt
        triggerThreshold: 0
        tactics:
          - CredentialAccess
        relevantTechniques:
          - T1528
        query: |
          {query}
        entityMappings:
          - entityType: Account
            fieldMappings:
              - identifier: FullName
                columnName: UserPrincipalName
        version: 1.0.0
        kind: Scheduled
        """;
}
