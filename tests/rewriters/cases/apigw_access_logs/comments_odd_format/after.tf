# owned by platform team (see CODEOWNERS)
resource "aws_api_gateway_stage" "prod" {
    stage_name             =   "prod"   # keep in sync with the runbook
    rest_api_id          = aws_api_gateway_rest_api.api.id
    deployment_id        = aws_api_gateway_deployment.api.id
    xray_tracing_enabled = true
    /* reviewed 2024-03 */

    access_log_settings {
        destination_arn = aws_cloudwatch_log_group.api.arn
        format          = jsonencode({ requestId = "$context.requestId", ip = "$context.identity.sourceIp", requestTime = "$context.requestTime", httpMethod = "$context.httpMethod", routeKey = "$context.routeKey", status = "$context.status", responseLength = "$context.responseLength" })
    }
}
