# owned by platform team (see CODEOWNERS)
resource "aws_api_gateway_method_settings" "all" {
    rest_api_id   =   aws_api_gateway_rest_api.api.id   # keep in sync with the runbook
    stage_name  = aws_api_gateway_stage.prod.stage_name
    method_path = "*/*"

    settings {
        metrics_enabled = true
        logging_level   = "INFO"
        caching_enabled = true

        cache_data_encrypted = true
    }
    /* reviewed 2024-03 */
}
