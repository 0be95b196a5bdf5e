# owned by platform team (see CODEOWNERS)
resource "aws_cloudwatch_metric_alarm" "cpu" {
    alarm_name            =   "cpu-high"   # keep in sync with the runbook
    comparison_operator = "GreaterThanThreshold"
    evaluation_periods  = 2
    metric_name         = "CPUUtilization"
    namespace           = "AWS/EC2"
    period              = 300
    statistic           = "Average"
    threshold           = 80
    actions_enabled     = false
    alarm_actions       = [aws_sns_topic.ops.arn]
    /* reviewed 2024-03 */
}
