# owned by platform team (see CODEOWNERS)
resource "aws_api_gateway_stage" "prod" {
    stage_name      =   "prod"   # keep in sync with the runbook
    rest_api_id   = aws_api_gateway_rest_api.api.id
    deployment_id = aws_api_gateway_deployment.api.id
    cache_cluster_enabled = true
    cache_cluster_size = "0.5"
    /* reviewed 2024-03 */
}
