# owned by platform team (see CODEOWNERS)
resource "aws_api_gateway_deployment" "api" {
    rest_api_id   =   aws_api_gateway_rest_api.api.id   # keep in sync with the runbook

    triggers = {
        redeployment = sha1(jsonencode(aws_api_gateway_rest_api.api.body))
    }
    /* reviewed 2024-03 */

    lifecycle {
        create_before_destroy = true
    }
}
