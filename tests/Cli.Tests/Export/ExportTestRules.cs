using AzureRules.Generators.Formats;
using AzureRules.Generators.Model;
using Xunit;

namespace AzureRules.Cli.Tests.Export;

/// <summary>Rules with every property an exporter writes, read through the real readers.</summary>
internal static class ExportTestRules
{
    public const string ScheduledYaml = """
        id: 0f1a9acc-9a6e-4630-9d7c-3b446b6635d1
        name: Sign-ins from a decoy account
        description: |
          'Someone signed in with the decoy account.'
        severity: Medium
        requiredDataConnectors:
          - connectorId: AzureActiveDirectory
            dataTypes:
              - SigninLogs
        queryFrequency: 1h
        queryPeriod: 1d
        triggerOperator: gt
        triggerThreshold: 2
        tactics:
          - InitialAccess
          - Persistence
        relevantTechniques:
          - T1078.004
          - T1098
        query: |
          SigninLogs
          | where UserPrincipalName =~ "decoy@contoso.com"
          | project TimeGenerated, UserPrincipalName, IPAddress, AppDisplayName
        entityMappings:
          - entityType: Account
            fieldMappings:
              - identifier: FullName
                columnName: UserPrincipalName
          - entityType: IP
            fieldMappings:
              - identifier: Address
                columnName: IPAddress
        customDetails:
          App: AppDisplayName
        alertDetailsOverride:
          alertDisplayNameFormat: Decoy sign-in by {{UserPrincipalName}}
          alertDynamicProperties:
            - alertProperty: ProductName
              value: AppDisplayName
        eventGroupingSettings:
          aggregationKind: AlertPerResult
        incidentConfiguration:
          createIncident: true
          groupingConfiguration:
            enabled: true
            reopenClosedIncident: false
            lookbackDuration: 5h
            matchingMethod: Selected
            groupByEntities:
              - Account
            groupByAlertDetails: []
            groupByCustomDetails:
              - App
        suppressionEnabled: true
        suppressionDuration: 2h
        version: 1.0.3
        kind: Scheduled
        tags:
          - Decoy
        metadata:
          author:
            name: Contoso SOC
        """;

    public const string NrtYaml = """
        id: 7d2c3e11-5b1a-4c70-9a61-0f7c1e0a2b44
        name: Decoy mailbox opened
        description: A decoy mailbox was opened.
        severity: High
        tactics:
          - Collection
        relevantTechniques:
          - T1114
        query: |
          OfficeActivity
          | where MailboxOwnerUPN =~ "decoy@contoso.com"
        version: 1.0.0
        kind: NRT
        """;

    public const string HuntingYaml = """
        id: 3a1f5c2e-8b7d-4e6f-9a0b-1c2d3e4f5a6b
        name: Rare processes on servers
        description: Processes seen on one server only.
        requiredDataConnectors:
          - connectorId: SecurityEvents
            dataTypes:
              - SecurityEvent
        tactics:
          - Execution
        relevantTechniques:
          - T1059.001
        query: |
          SecurityEvent
          | where EventID == 4688
          | summarize dcount(Computer) by NewProcessName
          | where dcount_Computer == 1
        entityMappings:
          - entityType: Process
            fieldMappings:
              - identifier: ProcessId
                columnName: NewProcessName
        """;

    public const string ThresholdToml = """
        [metadata]
        creation_date = "2024/01/01"
        maturity = "production"
        updated_date = "2024/01/02"

        [rule]
        author = ["Elastic"]
        description = "Many failed logons from one source."
        from = "now-9m"
        index = ["logs-system.auth-*"]
        language = "kuery"
        license = "Elastic License v2"
        name = "Brute force from one source"
        note = "## Triage\nLook at the source."
        risk_score = 47
        rule_id = "6b1a7c2d-0e3f-4a5b-8c9d-0e1f2a3b4c5d"
        setup = "Needs the System integration."
        severity = "medium"
        tags = ["Domain: Endpoint", "Tactic: Credential Access"]
        timestamp_override = "event.ingested"
        type = "threshold"
        query = "event.category:authentication and event.outcome:failure"

        [[rule.threat]]
        framework = "MITRE ATT&CK"
        [[rule.threat.technique]]
        id = "T1110"
        name = "Brute Force"
        reference = "https://attack.mitre.org/techniques/T1110/"
        [[rule.threat.technique.subtechnique]]
        id = "T1110.001"
        name = "Password Guessing"
        reference = "https://attack.mitre.org/techniques/T1110/001/"

        [rule.threat.tactic]
        id = "TA0006"
        name = "Credential Access"
        reference = "https://attack.mitre.org/tactics/TA0006/"

        [rule.threshold]
        field = ["source.ip"]
        value = 25
        [[rule.threshold.cardinality]]
        field = "user.name"
        value = 5
        """;

    public const string NewTermsToml = """
        [metadata]
        creation_date = "2024/01/01"
        maturity = "production"
        updated_date = "2024/01/02"

        [rule]
        author = ["Elastic"]
        description = "A user logged on from a new country."
        index = ["logs-*"]
        language = "kuery"
        license = "Elastic License v2"
        name = "Logon from a new country"
        risk_score = 21
        rule_id = "1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f"
        severity = "low"
        type = "new_terms"
        query = "event.category:authentication"

        [rule.new_terms]
        field = "new_terms_fields"
        value = ["user.name", "source.geo.country_name"]
        [[rule.new_terms.history_window_start]]
        field = "history_window_start"
        value = "now-14d"
        """;

    public const string MachineLearningJson = """
        {"rule_id":"9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b","name":"Unusual login","description":"An anomaly job flags unusual logins.",
         "type":"machine_learning","machine_learning_job_id":["auth_rare_user","auth_rare_source"],"anomaly_threshold":75,
         "risk_score":21,"severity":"low","version":3,"interval":"15m","from":"now-45m"}
        """;

    public static RuleDefinition Read(string path, string text)
    {
        var file = RuleFileReader.Read(path, text);
        Assert.Empty(file.Diagnostics);
        var rule = Assert.Single(file.Rules);
        Assert.DoesNotContain(rule.Diagnostics, d => d.Descriptor.DefaultSeverity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error);
        return rule;
    }
}
